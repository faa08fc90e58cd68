export { value } from './value';
