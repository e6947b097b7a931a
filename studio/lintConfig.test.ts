// `npm run lint` is ESLint in every workspace and Prettier over the whole repo (.ci/run fails on either). These check
// the configs themselves, through ESLint's and Prettier's own APIs: every workspace refuses an unused variable and a
// promise nobody awaits, apps/web runs Next's rules and studio/ Sanity's, and Prettier's settings keep the house style
// while leaving the typegen output exactly as Sanity TypeGen writes it (studio/scripts/typegenCheck.mjs compares bytes).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import * as prettier from 'prettier'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
/** Every workspace the root package.json names (its `workspaces` globs), and the root itself. */
const WORKSPACES = [
  ...(JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { workspaces: string[] }).workspaces.flatMap((pattern) =>
    pattern.endsWith('/*') ? readdirSync(`${root}${pattern.slice(0, -2)}`).map((name) => `${pattern.slice(0, -2)}/${name}`) : [pattern],
  ),
  '.',
].filter((dir) => existsSync(`${root}${dir}/package.json`))

/** Lints `code` as if it were the file at `file` (relative to the repo), with the config `npm run lint` uses there. */
async function lint(workspace: string, file: string, code: string) {
  const eslint = new ESLint({ cwd: `${root}${workspace}` })
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` })
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, severity: m.severity, message: m.message }))
}

describe('ESLint', { timeout: 60_000 }, () => {
  it.each(WORKSPACES)('%s refuses an unused variable', async (workspace) => {
    const problems = await lint(workspace, `${workspace}/lint-probe.mjs`, 'const unused = 1\nexport {}\n')
    expect(problems).toEqual([expect.objectContaining({ rule: '@typescript-eslint/no-unused-vars', severity: 2 })])
  })

  it('refuses a promise nobody awaits or catches (the type-aware rule runs)', async () => {
    const code = 'async function send(): Promise<void> {}\nexport function deliver(): void {\n  send()\n}\n'
    const problems = await lint('apps/email', 'apps/email/src/index.ts', code)
    expect(problems).toEqual([expect.objectContaining({ rule: '@typescript-eslint/no-floating-promises', severity: 2 })])
  })

  it("runs Next's rules in apps/web", async () => {
    const code = 'export function Nav() {\n  return (\n    <a href="/organisations">\n      <img src="/logo.png" alt="Home" />\n    </a>\n  )\n}\n'
    // One finding per page the link could mean (/organisations and /<lang>/organisations), so compare the rules once each.
    const rules = [...new Set((await lint('apps/web', 'apps/web/components/Emergency.tsx', code)).map((p) => p.rule))]
    expect(rules).toEqual(['@next/next/no-html-link-for-pages', '@next/next/no-img-element'])
  })

  it("runs Sanity's Studio rules in studio/", async () => {
    const code = 'export function List({ items }: { items: string[] }) {\n  return <ul>{items.map((item) => <li>{item}</li>)}</ul>\n}\n'
    const rules = (await lint('studio', 'studio/components/PreviewFrame.tsx', code)).map((p) => p.rule)
    expect(rules).toEqual(['react/jsx-key'])
  })

  it('does not lint generated files', async () => {
    expect(await new ESLint({ cwd: `${root}packages/content` }).isPathIgnored(`${root}packages/content/src/sanity.types.ts`)).toBe(true)
    expect(await new ESLint({ cwd: `${root}apps/web` }).isPathIgnored(`${root}apps/web/lib/fontPreloads.generated.ts`)).toBe(true)
  })
})

describe('Prettier', () => {
  it('formats to the house style: no semicolons, single quotes, lines up to 160 characters', async () => {
    const file = `${root}apps/email/src/index.ts`
    const options = { ...(await prettier.resolveConfig(file)), filepath: file }
    // A call of 152 characters stays on one line (with Prettier's default of 80 it would be broken over four).
    const long = `export const total = add(${'a'.repeat(62)}, ${'b'.repeat(62)})\n`
    expect(long.length).toBe(153)
    expect(await prettier.format('const a = "x";\n', options)).toBe("const a = 'x'\n")
    expect(await prettier.check(long, options)).toBe(true)
  })

  it('leaves the typegen output as Sanity TypeGen writes it', async () => {
    // What @sanity/codegen does after generating: format with the Prettier config resolved for the output file.
    const generated = `${root}packages/content/src/sanity.types.ts`
    const text = readFileSync(generated, 'utf8')
    const config = await prettier.resolveConfig(generated)
    expect(await prettier.format(text, { ...config, parser: 'typescript' })).toBe(text)
    // And `prettier --check .` skips the generated files rather than asking for them to be reformatted.
    for (const file of [generated, `${root}studio/schema.json`, `${root}BENCHMARKS.md`]) {
      const info = await prettier.getFileInfo(file, { ignorePath: `${root}.prettierignore` })
      expect(info.ignored, file).toBe(true)
    }
  })
})
