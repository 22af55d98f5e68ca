/** The parts of an xAPI 1.0.3 statement we build (see the xAPI specification, part two). */

export type LanguageMap = Readonly<Record<string, string>>;

/** An agent: identified by an account (what an LMS or cmi5 gives) or a mailbox. */
export type XapiAgent =
  | {
      readonly objectType?: 'Agent';
      readonly name?: string;
      readonly account: { readonly homePage: string; readonly name: string };
    }
  | { readonly objectType?: 'Agent'; readonly name?: string; readonly mbox: string };

export interface XapiVerb {
  readonly id: string;
  readonly display: LanguageMap;
}

export interface XapiInteractionComponent {
  readonly id: string;
  readonly description: LanguageMap;
}

export interface XapiActivityDefinition {
  readonly type?: string;
  readonly name?: LanguageMap;
  readonly description?: LanguageMap;
  readonly interactionType?: 'choice';
  readonly choices?: readonly XapiInteractionComponent[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface XapiActivity {
  readonly objectType: 'Activity';
  readonly id: string;
  readonly definition?: XapiActivityDefinition;
}

export interface XapiResult {
  readonly score?: {
    readonly scaled: number;
    readonly raw: number;
    readonly min: number;
    readonly max: number;
  };
  readonly success?: boolean;
  readonly completion?: boolean;
  readonly response?: string;
  readonly duration?: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface XapiContext {
  readonly registration?: string;
  readonly contextActivities?: {
    readonly parent?: readonly XapiActivity[];
    readonly grouping?: readonly XapiActivity[];
    readonly category?: readonly XapiActivity[];
  };
  readonly platform?: string;
  readonly language?: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface XapiStatement {
  readonly id?: string;
  readonly actor: XapiAgent;
  readonly verb: XapiVerb;
  readonly object: XapiActivity;
  readonly result?: XapiResult;
  readonly context?: XapiContext;
  readonly timestamp?: string;
}
