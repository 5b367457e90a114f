import { defineConfig } from 'vite';

// The web app (src/web) is built into dist/web, which the API server serves as static files.
// JSX uses Vite's built-in Oxc transform with the automatic runtime (no React plugin).
const api = 'http://localhost:8080';

export default defineConfig({
  root: 'src/web',
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // Libraries' "use client" directives are meaningless in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/auth': api,
      '/idp': api,
      '/dev-idp': api,
    },
  },
});
