// The first page's biggest libraries in chunks of their own (React; the router and the query
// cache), which the browser fetches in parallel with the app (index.html preloads them) and keeps
// across releases that change only the app. Only libraries every page uses whole are named here:
// a chunk is loaded with all it holds, so a library that lazily loaded pages use in parts
// (Mantine, zod, dates) stays where Rollup puts it, or it would add to the first page.
const GROUPS: [name: string, test: RegExp][] = [
  ['react', /\/node_modules\/(react|react-dom|scheduler)\//],
  ['router-query', /\/node_modules\/(react-router|@tanstack\/query-core|@tanstack\/react-query|cookie|set-cookie-parser)\//],
];

export function firstPageChunks(id: string): string | undefined {
  return GROUPS.find(([, test]) => test.test(id))?.[0];
}
