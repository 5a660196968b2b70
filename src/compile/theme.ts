import { CATEGORY_PALETTE } from '../chart/palette.js'
import type { Project } from '../domain/project.js'
import type { Theme } from '../domain/theme.js'

export function themeOf(project: Project): Theme {
  return { primary: project.config.thema?.hoofdkleur ?? '#1d4f91', secondary: project.config.thema?.steunkleur ?? '#5f6b7a', categories: CATEGORY_PALETTE, font: 'Noto Sans' }
}
