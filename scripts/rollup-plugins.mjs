// Rollup plugins that make the drop-in script smaller without changing what it does.
//
// msgIds(): every msg() call in the kit names its id (`{ id: 'countdown.took-place' }`), checked here at
// build time, so
//  - the ids are shortened to base-36 counters (`0`, `1`, … `3z`) in the call sites and in the generated
//    locale modules alike (about 145 ids of ~21 characters, each written three times: ~1 KB gzip);
//  - @lit/localize's automatic id generation (an FNV-1a hash of the template, used only for msg() calls
//    without an id) is replaced by a function that throws, without forking the library.
// Anything the plugin cannot map fails the build, naming the file and the id: a msg() without a literal id,
// `msg` used other than as a direct call, an id with no translation in the locale modules, a locale
// module whose keys are not plain strings. It never ships a bundle whose ids disagree.
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';

const LOCALIZE = '@lit/localize';
/** The runtime module that imports the id generator, and the generator's module. */
const RUNTIME_MSG = /[\\/]@lit[\\/]localize[\\/]internal[\\/]runtime-msg\.js$/;
const ID_GENERATION = './id-generation.js';
const NO_AUTO_IDS = '\0samleng:no-auto-msg-ids';

/** Calls `visit(node, parent)` for every node of an ESTree AST. */
function walk(node, visit, parent = null) {
  visit(node, parent);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') walk(child, visit, node);
    } else if (value && typeof value.type === 'string') {
      walk(value, visit, node);
    }
  }
}

const stringValue = (node) => {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
};

/** The properties of `export const templates = { … }` in a generated locale module. */
function templatesOf(ast, file, context) {
  let templates;
  walk(ast, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.name === 'templates') templates = node.init;
  });
  if (templates?.type !== 'ObjectExpression' || templates.properties.length === 0) {
    context.error(`${relative(process.cwd(), file)}: no \`templates\` object of messages`);
  }
  return templates.properties;
}

const propertyName = (property) =>
  property.type === 'Property' && !property.computed
    ? property.key.type === 'Identifier'
      ? property.key.name
      : stringValue(property.key)
    : undefined;

/**
 * @param {object} [options]
 * @param {string} [options.localesDir] the lit-localize output directory (`output.outputDir` of lit-localize.json)
 * @param {boolean} [options.shorten] shorten the ids (default true)
 * @param {boolean} [options.dropAutoIds] replace the automatic id generation (default true)
 * @returns {import('rollup').Plugin}
 */
export function msgIds({
  localesDir = fileURLToPath(new URL('../packages/core/src/generated/locales', import.meta.url)),
  shorten = true,
  dropAutoIds = true,
} = {}) {
  /** @type {Map<string, string>} source id → short id */
  let ids = new Map();
  let localeFiles = [];
  let redirected = false;
  // The loader build's per-package string modules are cut from the generated ones (scripts/loader-plugins.mjs).
  const isLocaleModule = (id) => localeFiles.includes(id) || id.startsWith('\0samleng-strings:');

  return {
    name: 'samleng-msg-ids',

    buildStart() {
      redirected = false;
      localeFiles = readdirSync(localesDir)
        .filter((name) => name.endsWith('.ts'))
        .map((name) => realpathSync(join(localesDir, name)));
      if (localeFiles.length === 0) this.error(`no locale modules in ${relative(process.cwd(), localesDir)}`);
      const all = new Set();
      for (const file of localeFiles) {
        // The generated modules are plain JavaScript (an import and one object literal).
        for (const property of templatesOf(this.parse(readFileSync(file, 'utf8')), file, this)) {
          const key = propertyName(property);
          if (key === undefined)
            this.error(`${relative(process.cwd(), file)}: a message id is not a plain string`);
          all.add(key);
        }
      }
      ids = new Map([...all].sort().map((id, index) => [id, index.toString(36)]));
    },

    resolveId: {
      // Before node-resolve, which would otherwise resolve the real module first.
      order: 'pre',
      handler(source, importer) {
        if (dropAutoIds && source === ID_GENERATION && importer && RUNTIME_MSG.test(importer)) {
          redirected = true;
          return NO_AUTO_IDS;
        }
        return null;
      },
    },

    load(id) {
      if (id !== NO_AUTO_IDS) return null;
      // Reached only by a msg() without an id, which this plugin refuses at build time.
      return `export const generateMsgId = () => { throw new Error('Samleng: msg() needs an id'); };`;
    },

    transform(code, id) {
      if ((id.startsWith('\0') && !isLocaleModule(id)) || /[\\/]node_modules[\\/]/.test(id)) return null;
      // Rollup names the module; the excerpt shows the call (positions would be esbuild's output, not the .ts).
      const fail = (message, node) =>
        this.error(node ? `${message}, in: ${code.slice(node.start, node.end).slice(0, 160)}` : message);

      if (isLocaleModule(id)) {
        if (!shorten) return null;
        const out = new MagicString(code);
        for (const property of templatesOf(this.parse(code), id, this)) {
          const key = propertyName(property);
          const short = key === undefined ? undefined : ids.get(key);
          if (short === undefined) fail(`cannot map the message id ${JSON.stringify(key)}`, property);
          out.overwrite(property.key.start, property.key.end, JSON.stringify(short));
        }
        return { code: out.toString(), map: out.generateMap({ hires: true }) };
      }

      if (!code.includes(LOCALIZE)) return null;
      const ast = this.parse(code);
      const names = new Set();
      for (const node of ast.body) {
        if (node.type === 'ExportAllDeclaration' && node.source.value === LOCALIZE)
          fail(`re-exports ${LOCALIZE}`, node);
        if (node.type === 'ExportNamedDeclaration' && node.source?.value === LOCALIZE) {
          fail(`re-exports from ${LOCALIZE}`, node);
        }
        if (node.type !== 'ImportDeclaration' || node.source.value !== LOCALIZE) continue;
        for (const specifier of node.specifiers) {
          if (specifier.type === 'ImportNamespaceSpecifier')
            fail(`import * from ${LOCALIZE}: import { msg }`, node);
          if (specifier.type === 'ImportSpecifier' && specifier.imported.name === 'msg')
            names.add(specifier.local.name);
        }
      }
      // A dynamic import would bring msg in unseen.
      if (/import\s*\(\s*['"`]@lit\/localize/.test(code)) fail(`dynamic import of ${LOCALIZE}`);
      if (names.size === 0) return null;

      const out = new MagicString(code);
      walk(ast, (node, parent) => {
        if (node.type !== 'Identifier' || !names.has(node.name)) return;
        if (parent?.type === 'ImportSpecifier') return;
        // A property named `msg` (`x.msg`, `{ msg: … }`) is not the import.
        if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
        if (parent?.type === 'Property' && parent.key === node && !parent.computed && !parent.shorthand)
          return;
        if (parent?.type !== 'CallExpression' || parent.callee !== node) {
          fail(`\`${node.name}\` is used other than as msg(template, { id: '…' })`, node);
        }
        const options = parent.arguments[1];
        const idProperties =
          options?.type === 'ObjectExpression'
            ? options.properties.filter((property) => propertyName(property) === 'id')
            : [];
        if (options?.type !== 'ObjectExpression' || options.properties.some((p) => p.type !== 'Property')) {
          fail("msg() needs a literal options object with an id: msg(template, { id: '…' })", parent);
        }
        const value = idProperties.length === 1 ? stringValue(idProperties[0].value) : undefined;
        if (value === undefined) fail('msg() needs exactly one literal string id', parent);
        if (!shorten) return;
        const short = ids.get(value);
        if (short === undefined) {
          fail(
            `the message id '${value}' has no translation in ${relative(process.cwd(), localesDir)}: run npm run localize:extract, translate it, and npm run localize:build`,
            parent,
          );
        }
        const idNode = idProperties[0].value;
        out.overwrite(idNode.start, idNode.end, JSON.stringify(short));
      });
      if (!out.hasChanged()) return null;
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },

    buildEnd(error) {
      if (error || !dropAutoIds || redirected) return;
      // The runtime is in the bundle but its id generator was not replaced: the library changed.
      if ([...this.getModuleIds()].some((id) => RUNTIME_MSG.test(id))) {
        this.error(
          `@lit/localize no longer imports ${ID_GENERATION} from internal/runtime-msg.js: update msgIds() in scripts/rollup-plugins.mjs`,
        );
      }
    },
  };
}

/** Whether `node` contains anything whose meaning changes outside a class body. */
function usesClassScope(node) {
  let found = false;
  walk(node, (child) => {
    if (
      child.type === 'ThisExpression' ||
      child.type === 'Super' ||
      child.type === 'PrivateIdentifier' ||
      child.type === 'AwaitExpression' ||
      child.type === 'YieldExpression' ||
      child.type === 'MetaProperty' ||
      (child.type === 'Identifier' && child.name === 'arguments')
    ) {
      found = true;
    }
  });
  return found;
}

/**
 * esbuild keeps a class's static fields (`static styles = …`) as a static block, `static { this.styles = … }`,
 * when `useDefineForClassFields` is off, as Lit's decorators need. Static blocks need Safari 16.4 (iOS 16.4);
 * asking esbuild to lower them lowers every `#private` member of the class too, into WeakMap helpers
 * (~1.5 KB gzip over the kit). This moves each such block after its class as plain assignments
 * (`class X {…}; X.styles = …;`), which run at the same moment with the same values: a static block of
 * assignments to `this.<name>` runs right after the class body is defined, and the class name is bound to the
 * same class. A block that reads `this`, `super`, a `#private` name (or a class that also has static fields of
 * its own, whose order with the block would change) cannot be moved: the build fails, naming the class, and
 * it fails too if a static block reaches the script by any other way, so the script keeps running on Safari 15.
 * @returns {import('rollup').Plugin}
 */
export function staticBlocksOut() {
  return {
    name: 'samleng-static-blocks-out',
    transform(code) {
      if (!code.includes('static')) return null;
      const ast = this.parse(code);
      const out = new MagicString(code);
      const left = [];
      walk(ast, (node) => {
        if (node.type !== 'ClassDeclaration' && node.type !== 'ClassExpression') return;
        const blocks = node.body.body.filter((member) => member.type === 'StaticBlock');
        if (blocks.length === 0) return;
        const movable =
          node.type === 'ClassDeclaration' &&
          node.id &&
          !node.body.body.some((member) => member.type === 'PropertyDefinition' && member.static) &&
          blocks.every((block) =>
            block.body.every(
              (statement) =>
                statement.type === 'ExpressionStatement' &&
                statement.expression.type === 'AssignmentExpression' &&
                statement.expression.operator === '=' &&
                statement.expression.left.type === 'MemberExpression' &&
                statement.expression.left.object.type === 'ThisExpression' &&
                !statement.expression.left.computed &&
                statement.expression.left.property.type === 'Identifier' &&
                !usesClassScope(statement.expression.right),
            ),
          );
        if (!movable) {
          left.push(node.id?.name ?? '(anonymous class)');
          return;
        }
        const assignments = blocks.flatMap((block) =>
          block.body.map(({ expression: { left: target, right } }) => {
            return `${node.id.name}.${target.property.name} = ${code.slice(right.start, right.end)};`;
          }),
        );
        for (const block of blocks) out.remove(block.start, block.end);
        out.appendLeft(node.end, `\n${assignments.join('\n')}`);
      });
      if (left.length) {
        this.error(
          `a static block of ${left.join(', ')} cannot be moved out of its class; ` +
            'the script would need Safari 16.4. Assign the static value after the class instead.',
        );
      }
      if (!out.hasChanged()) return null;
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
    renderChunk(code) {
      // Whatever a later plugin did: no static block may reach the script.
      let found = false;
      walk(this.parse(code), (node) => {
        if (node.type === 'StaticBlock') found = true;
      });
      if (found) this.error('the bundle contains a class static block (Safari 16.4+): see staticBlocksOut()');
      return null;
    },
  };
}

const DECORATE = '\0samleng:decorate';
/** esbuild's helper for TypeScript's experimental decorators, as it writes it into each module. */
const DECORATE_HELPER = `(decorators, target, key, kind) => {
  var result = kind > 1 ? void 0 : kind ? __getOwnPropDesc(target, key) : target;
  for (var i = decorators.length - 1, decorator; i >= 0; i--)
    if (decorator = decorators[i])
      result = (kind ? decorator(target, key, result) : decorator(result)) || result;
  if (kind && result) __defProp(target, key, result);
  return result;
}`;

/**
 * esbuild writes its `__decorateClass` helper into every module with a decorator (each element class, about
 * twenty): one shared copy instead (−0.1 KB gzip on the kit). Each module's copy is replaced by an import of
 * the shared one only when it is exactly the helper above; anything else fails the build, so a changed helper
 * in a new esbuild is seen, not silently swapped.
 * @returns {import('rollup').Plugin}
 */
export function sharedDecorators() {
  return {
    name: 'samleng-shared-decorators',
    resolveId: (source) => (source === DECORATE ? DECORATE : null),
    load: (id) =>
      id === DECORATE
        ? `var __defProp = Object.defineProperty;\nvar __getOwnPropDesc = Object.getOwnPropertyDescriptor;\nexport var __decorateClass = ${DECORATE_HELPER};\n`
        : null,
    transform(code, id) {
      if (id.startsWith('\0') || !code.includes('var __decorateClass =')) return null;
      const ast = this.parse(code);
      const out = new MagicString(code);
      for (const node of ast.body) {
        if (node.type !== 'VariableDeclaration' || node.declarations.length !== 1) continue;
        const [declarator] = node.declarations;
        if (declarator.id.name !== '__decorateClass') continue;
        const helper = code.slice(declarator.init.start, declarator.init.end);
        if (helper !== DECORATE_HELPER) {
          this.error(
            `esbuild's __decorateClass helper changed: update sharedDecorators() in scripts/rollup-plugins.mjs`,
          );
        }
        out.remove(node.start, node.end);
        out.prepend(`import { __decorateClass } from ${JSON.stringify(DECORATE)};\n`);
      }
      if (!out.hasChanged()) return null;
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
}
