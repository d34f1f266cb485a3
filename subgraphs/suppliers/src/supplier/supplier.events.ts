// The event a supplier's lifecycle writes: `supplier.status_changed`, from which status to which.
import type { NewEvent } from '@cmgraph/platform';
import type { Supplier } from './supplier.entity';
import type { SupplierStatus } from './supplier.enums';

export function supplierStatusChanged(supplier: Supplier, from: SupplierStatus): NewEvent {
  return {
    type: 'supplier.status_changed',
    subject: { type: 'Supplier', id: supplier.id },
    supplierId: supplier.id,
    payload: { supplierId: supplier.id, code: supplier.code, name: supplier.name, from, to: supplier.status, status: supplier.status },
  };
}
