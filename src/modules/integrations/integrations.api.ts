import { isAuthenticated } from '../../auth/rules.js';
import { defineTableApi } from '../../common/table-api/table-api.js';
import { Integration } from './integration.entity.js';

// The password column has no GraphQL field, so it is neither selectable, filterable nor orderable.
defineTableApi(Integration, { read: isAuthenticated });
