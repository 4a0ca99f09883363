// The web app calls the API through the endpoints of src/contracts (`call(workshopsApi.get, …)`),
// which hold the zod schemas the server validates with. At run time the web app needs only each
// endpoint's method and path: the types (ResultOf, CallInput, …) come from the source as written,
// which TypeScript checks unchanged. So in the web build every `endpoint({ … })` keeps its
// `method` and `path` and drops the rest, and every top-level constant of a contract is marked as
// free of side effects (its value wrapped in a pure-annotated function call): schemas nothing in
// the web app uses (most of them) fall out of the bundle, and zod with them. Schemas the web app
// does use (a form's contractValidator) stay, in the chunks of the pages that use them.
// The server does not go through Vite and keeps its contracts whole.
import MagicString from 'magic-string';
import ts from 'typescript';
import type { Plugin } from 'vite';

const CONTRACT = /\/src\/contracts\/[^/]+\.ts$/;

/** Values that cost nothing to keep as they are (and need no wrapping to be dropped). */
function isPlain(node: ts.Expression): boolean {
  return (
    ts.isLiteralExpression(node) ||
    ts.isIdentifier(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword
  );
}

/**
 * For one contract file: `endpoint({ method, path, operationId, query, responses })` →
 * `endpoint({ method, path })`, and `const x = z.object(…)` → `const x = /*#__PURE__*\/ (() => (z.object(…)))()`.
 */
export function routesOnly(code: string, fileName: string): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = new MagicString(code);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'endpoint') {
      const [spec] = node.arguments;
      if (!spec || !ts.isObjectLiteralExpression(spec)) throw new Error(`${fileName}: endpoint() needs an object literal.`);
      const keep = spec.properties.filter(
        (p): p is ts.PropertyAssignment =>
          ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && (p.name.text === 'method' || p.name.text === 'path'),
      );
      if (keep.length !== 2) throw new Error(`${fileName}: endpoint() at ${spec.getStart()} needs literal method and path.`);
      out.overwrite(spec.getStart(), spec.getEnd(), `{ ${keep.map((p) => p.getText(source)).join(', ')} }`);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer;
      if (!value || isPlain(value)) continue;
      out.prependLeft(value.getStart(source), '/*#__PURE__*/ (() => (');
      out.appendRight(value.getEnd(), '))()');
    }
  }
  return out.toString();
}

export const contractRoutes: Plugin = {
  name: 'lyceum-contract-routes',
  enforce: 'pre',
  transform(code, id) {
    const file = id.split('?')[0] ?? id;
    if (!CONTRACT.test(file) || file.endsWith('.test.ts')) return null;
    // A contract module runs nothing when imported: if the web app uses none of its exports, it goes.
    return { code: routesOnly(code, file), map: null, moduleSideEffects: false };
  },
};
