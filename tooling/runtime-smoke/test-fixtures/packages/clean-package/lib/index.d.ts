export { value } from './value.js';
