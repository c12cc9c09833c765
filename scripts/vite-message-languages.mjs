/**
 * Vite plugin: one JavaScript chunk per interface language, although each message file
 * (src/lib/i18n/messages/<feature>.ts) holds both languages side by side, as the project's convention wants.
 *
 * A bundler splits by module, not by export: en.ts and zh-cn.ts both import every feature file, so each
 * feature file (with both of its objects) would land in one chunk shared by both catalogs, and a visitor
 * would download both languages (~70 KB gzip) to read one. This plugin gives each catalog its own copy of
 * the feature files — `automation.ts?lang=en` for en.ts, `automation.ts?lang=zh-cn` for zh-cn.ts — so each
 * copy is a separate module and tree-shaking drops the other language's object from it (the objects are
 * plain literals, free of side effects; zh-CN's types refer to the English object only as a type).
 * Importers other than the two catalogs get the file itself, unchanged. Build only: in `vite dev` and
 * vitest nothing is split, and nothing needs to be.
 */
import { basename, dirname } from 'node:path';

const CATALOGS = new Map([
  ['en.ts', 'en'],
  ['zh-cn.ts', 'zh-cn'],
]);

/** @returns {import('vite').Plugin} */
export function messageLanguages() {
  return {
    name: 'crm-message-languages',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('./')) return null;
      const file = importer.split('?')[0];
      if (!dirname(file).replaceAll('\\', '/').endsWith('/src/lib/i18n/messages')) return null;
      const lang = CATALOGS.get(basename(file));
      if (!lang) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || resolved.id.includes('?')) return resolved;
      return { ...resolved, id: `${resolved.id}?lang=${lang}` };
    },
  };
}
