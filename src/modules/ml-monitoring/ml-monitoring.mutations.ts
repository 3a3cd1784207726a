import { isAdmin } from '../../auth/rules.js';
import { rowAction } from '../../common/table-api/table-mutations.js';
import type { MutationDefinition } from '../../common/table-api/table-mutations.js';
import { User } from '../users/user.entity.js';
import { MlAnomalyAlert } from './ml-anomaly-alert.entity.js';

/**
 * An admin marks an alert as seen. Who and when come from the token and the server clock, never from
 * the caller. Acknowledging twice changes nothing: the first acknowledgement is the one on record.
 */
const mlAnomalyAlertAcknowledgement = rowAction(MlAnomalyAlert, {
  name: 'acknowledgeAnomalyAlert',
  rule: isAdmin,
  description:
    'Acknowledges an anomaly alert of your organisation as the caller, now. An alert acknowledged before keeps its first acknowledgement.',
  apply: (alert, ctx, em) => {
    if (alert.acknowledged) return;
    alert.acknowledged = true;
    alert.acknowledgedBy = em.getReference(User, ctx.viewer.userId);
    alert.acknowledgedAt = new Date();
  },
});

export const mlMonitoringMutations: readonly MutationDefinition[] = [mlAnomalyAlertAcknowledgement];
