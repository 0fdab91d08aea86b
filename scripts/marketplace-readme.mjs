// Writes dist/readme.md, the extension's own page in the .vsix (vsce --readme-path), from
// docs/marketplace.md. VS Code's extension page loads only http(s) images: relative paths and
// data: URIs have their src dropped by its sanitizer (checked in code-server 4.139), and vsce
// turns relative links into URLs only from a public repository. While package.json's
// repository is a placeholder, the images are left out (a user sees no broken pictures);
// with a real one, the relative links stay for vsce to rewrite.
//   node scripts/marketplace-readme.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const repo = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).repository?.url ?? '';
const published = /^https:\/\/(github\.com|gitlab\.com)\//.test(repo);
const page = readFileSync(join(root, 'docs', 'marketplace.md'), 'utf8')
  // The comment at the top is for the repository, not for users.
  .replace(/^<!--[\s\S]*?-->\n/, '');
const IMAGE = /^!\[[^\]]*\]\([^)]+\)\n\n?/gm;
const images = page.match(IMAGE)?.length ?? 0;
const out = published ? page : page.replace(IMAGE, '');
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'readme.md'), out);
console.log(published
  ? `marketplace-readme: dist/readme.md with ${images} images (links rewritten by vsce against ${repo})`
  : `marketplace-readme: dist/readme.md without its ${images} images: package.json's repository (${repo}) is not a public GitHub or GitLab URL`);
