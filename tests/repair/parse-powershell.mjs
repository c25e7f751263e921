// A syntax check of generated PowerShell scripts where no PowerShell is installed: parses each
// file with the tree-sitter PowerShell grammar (npm: web-tree-sitter, tree-sitter-powershell) and
// fails on any ERROR or missing node. Not run in CI (the npm packages are not in Debian):
//   npm install web-tree-sitter@0.25 tree-sitter-powershell@0.26.4
//   CVMI_DUMP_PS=/tmp/ps ctest -R tst_windowssteps && node parse-powershell.mjs /tmp/ps/*.ps1
// (run node where node_modules is, or set NODE_PATH). A grammar is not PowerShell's own parser:
// this catches unbalanced quotes, braces and parentheses, not every semantic error.
import { createRequire } from 'module';
import fs from 'fs';

// The packages where the user installed them (the working directory), not beside this file.
const require = createRequire(process.cwd() + '/');
const { Parser, Language } = require('web-tree-sitter');
await Parser.init();
const language = await Language.load(
    require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
const parser = new Parser();
parser.setLanguage(language);
let failed = 0;
for (const file of process.argv.slice(2)) {
    const tree = parser.parse(fs.readFileSync(file, 'utf8'));
    const errors = [];
    const walk = (node) => {
        if (node.type === 'ERROR' || node.isMissing)
            errors.push(node);
        for (const child of node.children)
            walk(child);
    };
    walk(tree.rootNode);
    console.log(`${file}: ${errors.length ? 'syntax errors' : 'ok'}`);
    for (const e of errors.slice(0, 5))
        console.log(`  line ${e.startPosition.row + 1}: ${JSON.stringify(e.text.slice(0, 80))}`);
    failed += errors.length ? 1 : 0;
}
process.exit(failed ? 1 : 0);
