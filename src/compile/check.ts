import { sep } from 'node:path'
import { VFile } from 'vfile'
import { emit, hasErrors, promoteWarnings } from '../diagnostics/emit.js'
import type { Project } from '../domain/project.js'
import { loadProject, type LoadedProject } from '../load/project.js'
import { validateProject } from '../validate/index.js'
import { checkPlaceholders } from '../validate/placeholders.js'
import { planAdoption, type AdoptionOptions, type AdoptionPlan } from './adopt.js'

export interface Checked { files: VFile[]; all: VFile[]; project: Project | undefined; loaded: LoadedProject; adoption: AdoptionPlan | undefined }

/**
 * Validate only: load → validate, and compare the adopted reports with
 * their record. With years, messages about other years' files are left out.
 */
export function check(root: string, strict = false, years?: readonly number[], adoptionOptions: AdoptionOptions = {}): Checked {
  const loaded = loadProject(root)
  const { project, files } = validateProject(loaded)
  if (project) checkPlaceholders(project)
  const adoption = project ? planAdoption(project, loaded, adoptionOptions) : undefined
  if (adoption) files.push(...adoption.files)
  if (strict) promoteWarnings(files)
  let shown = files
  if (years?.length) {
    const available = loaded.years.map((y) => y.year)
    const other = loaded.years.filter((y) => !years.includes(y.year)).map((y) => y.dir + sep)
    // A changed figure of an adopted report is refused whatever the years asked for: a report of another year may show it.
    shown = files.filter((f) => !other.some((dir) => f.path?.startsWith(dir)) || f.messages.some((m) => m.ruleId === 'verslag-vastgesteld'))
    const missing = years.filter((y) => !available.includes(y))
    if (missing.length > 0) {
      const file = new VFile()
      for (const year of missing) emit(file, 'jaar-ontbreekt', { year, available: available.join(', ') || 'geen' })
      shown = [...shown, file]
    }
  }
  return { files: shown, all: files, project: hasErrors(shown) ? undefined : project, loaded, adoption }
}
