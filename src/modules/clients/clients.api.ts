import { isAuthenticated } from '../../auth/rules.js';
import { defineTableApi } from '../../common/table-api/table-api.js';
import { Client } from './client.entity.js';

// The tenant filter scopes `clients` to the viewer's own row: `clients` lists one client, theirs.
defineTableApi(Client, { read: isAuthenticated });
