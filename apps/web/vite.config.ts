import { defineConfig } from 'vite';

// No plugins: Vite's own TypeScript and CSS handling is all the page needs.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    // The size report (`pnpm size`) reads the gzip size itself.
    reportCompressedSize: false,
  },
});
