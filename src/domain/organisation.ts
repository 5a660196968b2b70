import type { Organisatie } from '../types/data.js'

/** The report's title when organisatie.yaml names none. */
export const DEFAULT_TITLE = 'Jaarverslag Integriteit'

export const titleOf = (config: Organisatie): string => config.titel ?? DEFAULT_TITLE
