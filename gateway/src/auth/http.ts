// Authentication of HTTP GraphQL requests, before Apollo Server sees them: a request without a valid
// token is answered 401 with a coded UNAUTHENTICATED error, and no plan is made, no subgraph called.
import type express from 'express';
import type { Identity, Logger } from '@cmgraph/platform/src/lean';
import type { TokenVerifier } from './verifier';
import { AuthError, unauthenticated } from './errors';

const identities = new WeakMap<express.Request, Identity>();

export function authenticateHttp(verifier: TokenVerifier, log: Logger): express.RequestHandler {
  return (req, res, next) => {
    verifier.verify(req.headers.authorization).then(
      (identity) => {
        identities.set(req, { ...identity, ...(req.ip ? { address: req.ip } : {}) });
        next();
      },
      (error: unknown) => {
        if (!(error instanceof AuthError)) log.error({ err: error }, 'token verification failed');
        const message = error instanceof AuthError ? error.message : 'The token could not be verified.';
        res.status(401).setHeader('www-authenticate', 'Bearer').json(unauthenticated(message));
      },
    );
  };
}

/** The identity the middleware verified for this request. */
export function requestIdentity(req: express.Request): Identity {
  const identity = identities.get(req);
  if (!identity) throw new Error('request reached GraphQL without authentication');
  return identity;
}
