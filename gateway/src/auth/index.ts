// Authentication at the gateway: JWT verification (HS256 secret or JWKS), claims → identity, and the
// HTTP and graphql-ws guards that refuse unauthenticated callers.
export * from './config';
export * from './claims';
export * from './errors';
export * from './http';
export * from './verifier';
export * from './websocket';
