import { stubService } from '../stub';

export const xlConfigService = stubService('xl-config');
