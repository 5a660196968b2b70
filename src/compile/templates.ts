import { existsSync } from 'node:fs'
import { join, sep } from 'node:path'
import { PACKAGE_ROOT } from '../package.js'

/** The templates that ship with the tool; a project's own templates/ replaces them. */
export const DEFAULT_TEMPLATES = join(PACKAGE_ROOT, 'templates') + sep

export const templateDir = (root: string) => (existsSync(join(root, 'templates', 'verslag.md')) ? join(root, 'templates') : DEFAULT_TEMPLATES)
/** The standard charts, then the project's own: an own chart adds one or replaces the one with its name. */
export const chartDirs = (root: string) => [join(DEFAULT_TEMPLATES, 'charts'), ...(existsSync(join(root, 'templates', 'charts')) ? [join(root, 'templates', 'charts')] : [])]
