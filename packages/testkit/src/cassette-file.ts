export { openCassette, readCassette, writeCassette } from './cassette/cassette-file.js';
export type { OpenCassette, OpenCassetteOptions } from './cassette/cassette-file.js';
