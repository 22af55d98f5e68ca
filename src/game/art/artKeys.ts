import type * as Phaser from 'phaser';
import cafeUrl from '../../../assets/settings/cafe.svg?url&no-inline';
import callCentreUrl from '../../../assets/settings/call-centre.svg?url&no-inline';
import chatWindowUrl from '../../../assets/settings/chat-window.svg?url&no-inline';
import emailClientUrl from '../../../assets/settings/email-client.svg?url&no-inline';
import hotelReceptionUrl from '../../../assets/settings/hotel-reception.svg?url&no-inline';
import restaurantUrl from '../../../assets/settings/restaurant.svg?url&no-inline';
import shopCounterUrl from '../../../assets/settings/shop-counter.svg?url&no-inline';

/** Texture keys of the art this module loads. */
export const ART_KEYS = {
  shopCounter: 'art.setting.shop-counter',
  restaurant: 'art.setting.restaurant',
  hotelReception: 'art.setting.hotel-reception',
  cafe: 'art.setting.cafe',
  callCentre: 'art.setting.call-centre',
  chatWindow: 'art.setting.chat-window',
  emailClient: 'art.setting.email-client',
} as const;
export type ArtKey = (typeof ART_KEYS)[keyof typeof ART_KEYS];

/** The design size every setting is drawn for. */
export const DESIGN = { width: 1280, height: 720 } as const;

const URLS: Readonly<Record<ArtKey, string>> = {
  [ART_KEYS.shopCounter]: shopCounterUrl,
  [ART_KEYS.restaurant]: restaurantUrl,
  [ART_KEYS.hotelReception]: hotelReceptionUrl,
  [ART_KEYS.cafe]: cafeUrl,
  [ART_KEYS.callCentre]: callCentreUrl,
  [ART_KEYS.chatWindow]: chatWindowUrl,
  [ART_KEYS.emailClient]: emailClientUrl,
};

/** The URL a setting's SVG is served from (the WebGL stage shows it as the canvas's CSS background). */
export function artUrl(key: ArtKey): string {
  return URLS[key];
}

// `?url&no-inline`: Vite would inline small SVGs as `data:image/svg+xml,` URLs,
// which Phaser's loader tries to base64-decode and fails on.
/**
 * Queues setting textures on the scene's loader (call from `preload`): the
 * `keys` given, or every setting. SVGs are rasterised at 1.5× the design size
 * (1920 × 1080) so they stay crisp on a full-HD projector; already-loaded keys
 * are skipped. Scenes load only the setting they draw: rasterising all seven
 * at start-up took about 250 ms before a deep link's first reply (issue 9).
 */
export function preloadArt(scene: Phaser.Scene, keys: readonly ArtKey[] = Object.values(ART_KEYS)): void {
  for (const key of keys) {
    if (scene.textures.exists(key)) continue;
    scene.load.svg(key, URLS[key], { width: DESIGN.width * 1.5, height: DESIGN.height * 1.5 });
  }
}
