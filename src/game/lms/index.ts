/** The game's LMS door: connect at start-up, then `track` each role-play session. */

export {
  type FollowedRun,
  type HeldStore,
  LmsBridge,
  type PackagedRun,
  type RunChange,
  type TrackedRunListener,
  type TrackedSaid,
  type TrackRequest,
} from './LmsBridge.ts';
export { readXapiLaunch, tutorLaunch, type XapiLaunch } from './launchConfig.ts';
export { lmsLaunched, PageLms } from './PageLms.ts';
export { type Cmi5Class, queuedCmi5 } from './queuedCmi5.ts';
export { ScormConnection } from './ScormConnection.ts';
export { type FoundApi, type FrameLike, findScormApi } from './scormApi.ts';
export { type Cmi5Like, cmi5Sink, inCmi5Session, senderSink } from './sinks.ts';
export { CMI5_QUEUE_KEY, cmi5QueueKey, LMS_HELD_KEY, startLms, XAPI_QUEUE_KEY } from './startLms.ts';
export { type StatementSink, XapiReporter } from './XapiReporter.ts';
export { type LrsEndpoint, type QueueStore, XapiSender } from './XapiSender.ts';
