import { stubService } from '../stub';

export const drbdService = stubService('drbd');
