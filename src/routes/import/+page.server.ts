// Tells the page whether writes are off (READ_ONLY=1) so it says so up front instead of failing on save.
import type { PageServerLoad } from './$types';
import { isReadOnly } from '$lib/server/http';

export const load: PageServerLoad = () => ({ readOnly: isReadOnly() });
