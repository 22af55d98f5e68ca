/** Scene keys and page layouts of the tutor tools (the game's own are in ../keys.ts). */
export const TutorSceneKey = {
  Hub: 'tutor-hub',
  Presenter: 'presenter',
  Authoring: 'authoring',
  ClassView: 'class-view',
} as const;
export type TutorSceneKey = (typeof TutorSceneKey)[keyof typeof TutorSceneKey];

/** Values of #app[data-screen] for the tutor tools' layouts (styled in presenter.css). */
export const TutorScreen = {
  Hub: 'tutor-hub',
  Presenter: 'presenter',
  Authoring: 'authoring',
  ClassView: 'class-view',
} as const;
export type TutorScreen = (typeof TutorScreen)[keyof typeof TutorScreen];

/** What the presenter scene is started with (deep link `?scenario=…&model=…&mode=presenter`, or the hub). */
export interface PresenterRequest {
  readonly scenarioId: string;
  readonly modelId: string;
  /** A reply-order seed fixed by the address (`?seed=`, for tests and demos); otherwise each presentation draws one. */
  readonly seed?: number;
}

/** What presenter mode is started with: a request, and where the map's "play from here" jumps to. */
export interface PresenterData extends PresenterRequest {
  /** Start at this node by replaying these replies (the map's "play from here"). */
  readonly jump?: { readonly node: string; readonly route: readonly string[] };
}
