/** The chart theme: the organisation's colours, the category palette and the font. */
export interface Theme { primary: string; secondary: string; categories: readonly string[]; font: string }
