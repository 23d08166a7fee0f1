import { stubService } from '../stub';

export const xendSxpService = stubService('xend-sxp');
