/** A report year as people write it: four digits, 1900–2099 (folder names, --jaar, nieuw-jaar). */
export const isYearText = (text: string): boolean => /^(19|20)\d\d$/.test(text)
