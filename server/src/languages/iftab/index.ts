import { stubService } from '../stub';

export const iftabService = stubService('iftab');
