// Tells the dashboard whether writes are off (READ_ONLY=1), so it offers no add/import/correct links then.
import type { PageServerLoad } from './$types';
import { isReadOnly } from '$lib/server/http';

export const load: PageServerLoad = () => ({ readOnly: isReadOnly() });
