// The kinds of organisation as a list for radio buttons and desk lists; the kinds themselves live in @signpost/content.
import { ORGANISATION_KINDS, ORGANISATION_KIND_VALUES } from '@signpost/content/rules'

export const ORGANISATION_KIND_LIST = ORGANISATION_KIND_VALUES.map((value) => ({ value, ...ORGANISATION_KINDS[value] }))
