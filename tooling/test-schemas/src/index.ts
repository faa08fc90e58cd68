// Each name is both the generated TypedSchema constant and the source interface.
export { SentimentAnalysis, WeatherArguments } from './schemas.gen.js';
