import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './scripts/precompress-web';
import { contractRoutes } from './scripts/vite-contract-routes';
import { firstPageChunks } from './scripts/vite-first-page-chunks';

// The web app lives in src/web; the server serves dist/web with an SPA fallback.
const apiTarget = process.env.LYCEUM_API_URL ?? 'http://localhost:3000';

/** Brotli and gzip copies of the built files, which the server sends as they are. */
let outDir = '';
const precompressed: Plugin = {
  name: 'lyceum-precompress',
  apply: 'build',
  configResolved(config) {
    outDir = resolve(config.root, config.build.outDir);
  },
  closeBundle() {
    const { files, bytes, brotliBytes } = precompress(outDir);
    this.info(`precompressed ${files} files: ${(bytes / 1024).toFixed(0)} KB, ${(brotliBytes / 1024).toFixed(0)} KB with brotli`);
  },
};

export default defineConfig({
  root: 'src/web',
  plugins: [contractRoutes, react(), precompressed],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // No source maps in the build: the server would otherwise publish the app's whole source.
    sourcemap: false,
    // dist/web/.vite/manifest.json: which scripts the first page loads (scripts/check-bundle-budget.ts).
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: { manualChunks: firstPageChunks },
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place; harmless noise.
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
