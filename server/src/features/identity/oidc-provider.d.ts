// oidc-provider ships no types and @types/oidc-provider is not installed: this declares the
// small part of its API that identity/ uses, so the rest of the code stays strictly typed.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface AdapterPayload {
    [key: string]: unknown;
    grantId?: string;
    userCode?: string;
    uid?: string;
    /** Epoch seconds, set once the artifact is consumed. */
    consumed?: number;
  }

  /** The storage API oidc-provider expects, one instance per model name. */
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  /** A registered client as oidc-provider loads it; extra metadata keeps its snake_case name. */
  export interface Client {
    clientId: string;
    clientName?: string;
    scope?: string;
    [extraMetadata: string]: unknown;
  }

  export interface Token {
    clientId?: string;
    /** Set on tokens issued to a person (device login, authorization code), not to a client. */
    accountId?: string;
    scope?: string;
    [key: string]: unknown;
  }

  export interface KoaContextWithOIDC {
    method: string;
    path: string;
    oidc: {
      route?: string;
      client?: Client;
      params?: Record<string, unknown>;
      /** What findAccount returned for the grant's account, once the grant loaded it. */
      account?: Record<string, unknown> & { accountId: string };
    };
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg?: string; kid?: string } };
  }

  export interface JWKS {
    keys: Record<string, unknown>[];
  }

  export type Configuration = Record<string, unknown> & {
    adapter?: (name: string) => Adapter;
    jwks?: JWKS;
  };

  /** An account as oidc-provider's `findAccount` hook returns it. */
  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export interface PromptDetails {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  }

  export interface InteractionDetails {
    uid: string;
    grantId?: string;
    prompt: { name: 'login' | 'consent' | string; reasons: string[]; details: PromptDetails };
    params: Record<string, unknown>;
    session?: { accountId?: string };
  }

  export interface InteractionResult {
    login?: { accountId: string; remember?: boolean };
    consent?: { grantId: string };
  }

  export class Grant {
    constructor(init: { accountId: string; clientId: string });
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    rejectResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    /** Koa's `proxy`: trust X-Forwarded-* headers. */
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    on(event: string, listener: (...args: never[]) => void): this;
    urlFor(name: string, options?: Record<string, unknown>): string;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    readonly Grant: typeof Grant & { find(id: string): Promise<Grant | undefined> };
    readonly Client: {
      find(id: string): Promise<Client | undefined>;
      validate(metadata: Record<string, unknown>): Promise<void>;
    };
  }

  export class OIDCProviderError extends Error {
    constructor(description?: string);
    error: string;
    error_description?: string;
    status: number;
  }

  export const errors: {
    OIDCProviderError: typeof OIDCProviderError;
    InvalidTarget: typeof OIDCProviderError;
    InvalidClientMetadata: typeof OIDCProviderError;
    InvalidScope: new (description: string, scope?: string) => OIDCProviderError;
  };

  export default Provider;
}
