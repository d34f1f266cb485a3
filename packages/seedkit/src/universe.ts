// The demo world every subgraph seeds its own part of: suppliers and their sites, products, stock
// locations, and a stream of purchase orders with their shipments. Pure functions of the scale, so
// orders and inventory derive the same POs, shipments and lots without reading each other's data.
import { random, seedId } from './random';

export type Scale = 'small' | 'medium' | 'large';

export const SCALES: Record<Scale, { suppliers: number; products: number; locations: number; purchaseOrders: number }> = {
  small: { suppliers: 8, products: 40, locations: 3, purchaseOrders: 150 },
  medium: { suppliers: 40, products: 400, locations: 6, purchaseOrders: 25_000 },
  large: { suppliers: 120, products: 3_000, locations: 10, purchaseOrders: 250_000 },
};

/** Lines per PO: exactly 4, so that `large` has 1,000,000 order lines. */
export const LINES_PER_PO = 4;
/** "Today" for the demo world: fixed so that seeds are reproducible. */
export const SEED_TODAY = '2026-11-01';

const COUNTRIES = [
  { country: 'MX', region: 'North America', nearshore: true },
  { country: 'US', region: 'North America', nearshore: true },
  { country: 'CN', region: 'East Asia', nearshore: false },
  { country: 'VN', region: 'Southeast Asia', nearshore: false },
  { country: 'PL', region: 'EU', nearshore: false },
  { country: 'IN', region: 'South Asia', nearshore: false },
] as const;
const CAPABILITIES = ['SMT', 'injection-molding', 'final-assembly', 'cnc-machining', 'packaging', 'die-casting'];
const UOMS = ['EA', 'EA', 'EA', 'KG', 'M'] as const;

export interface SeedSupplier { id: string; code: string; name: string; type: 'CM' | 'COMPONENT' | 'LOGISTICS'; country: string; riskTier: string }
export interface SeedFacility { id: string; supplierId: string; name: string; country: string; region: string; nearshore: boolean; capabilities: string[] }
export interface SeedProduct { id: string; sku: string; gtin: string; name: string; uom: string; unitPrice: number; lotTracked: boolean }
export interface SeedLocation { id: string; code: string; name: string; country: string }

export interface SeedShipment {
  id: string; number: string; facilityId: string; mode: 'ROAD' | 'SEA' | 'AIR';
  shippedOn: string; eta: string; deliveredOn: string | null;
  lines: { id: string; lineIndex: number; quantity: number; lotId: string; lotNumber: string }[];
}
export interface SeedPurchaseOrder {
  index: number; id: string; number: string; supplierId: string; locationId: string; orderedOn: string;
  status: 'SENT' | 'ACKNOWLEDGED' | 'PARTIALLY_SHIPPED' | 'CLOSED';
  lines: { id: string; lineNumber: number; productId: string; quantity: number; unitPrice: number; uom: string; requestedDate: string; promisedDate: string }[];
  shipment: SeedShipment | null;
}

export interface Universe {
  scale: Scale;
  suppliers: SeedSupplier[];
  facilities: SeedFacility[];
  products: SeedProduct[];
  locations: SeedLocation[];
  purchaseOrderCount: number;
  purchaseOrders(): Generator<SeedPurchaseOrder>;
}

export function universe(scale: Scale): Universe {
  const size = SCALES[scale];
  const r = random(`universe:${scale}`);
  const suppliers: SeedSupplier[] = Array.from({ length: size.suppliers }, (_, i) => {
    const type = i % 8 === 7 ? 'LOGISTICS' : i % 4 === 3 ? 'COMPONENT' : 'CM';
    const place = COUNTRIES[i % COUNTRIES.length]!;
    return {
      id: seedId('supplier', i), code: `${type === 'CM' ? 'CM' : type === 'COMPONENT' ? 'CP' : 'LG'}-${String(i + 1).padStart(4, '0')}`,
      name: `${['Apex', 'Nova', 'Orbit', 'Vertex', 'Summit', 'Delta', 'Cobalt', 'Harbor'][i % 8]} ${type === 'LOGISTICS' ? 'Logistics' : 'Manufacturing'} ${i + 1}`,
      type, country: place.country, riskTier: r.pick(['LOW', 'LOW', 'MEDIUM', 'HIGH']),
    };
  });
  const facilities: SeedFacility[] = suppliers.flatMap((s, i) =>
    [0, 1].map((k) => {
      const place = COUNTRIES[(i + k * 2) % COUNTRIES.length]!;
      return {
        id: seedId('facility', i * 2 + k), supplierId: s.id, name: `${s.name} Plant ${k + 1}`, country: place.country,
        region: place.region, nearshore: place.nearshore, capabilities: [CAPABILITIES[(i + k) % 6]!, CAPABILITIES[(i + k + 2) % 6]!],
      };
    }),
  );
  const products: SeedProduct[] = Array.from({ length: size.products }, (_, i) => ({
    id: seedId('product', i), sku: `SKU-${String(i + 1).padStart(6, '0')}`, gtin: gtin14(i + 1),
    name: `${['Housing', 'PCB assembly', 'Cable harness', 'Bracket', 'Sensor module', 'Gasket'][i % 6]} ${i + 1}`,
    uom: UOMS[i % UOMS.length]!, unitPrice: Math.round((1 + r.next() * 99) * 100) / 100, lotTracked: i % 5 !== 4,
  }));
  const locations: SeedLocation[] = Array.from({ length: size.locations }, (_, i) => ({
    id: seedId('location', i), code: `DC-${String(i + 1).padStart(2, '0')}`, name: `Distribution center ${i + 1}`,
    country: ['US', 'DE', 'US', 'NL', 'US', 'GB', 'US', 'FR', 'US', 'CA'][i % 10]!,
  }));
  const makers = suppliers.filter((s) => s.type !== 'LOGISTICS');
  return {
    scale, suppliers, facilities, products, locations, purchaseOrderCount: size.purchaseOrders,
    *purchaseOrders() {
      for (let index = 0; index < size.purchaseOrders; index++) {
        yield purchaseOrder(index, makers, facilities, products, locations, size.purchaseOrders);
      }
    },
  };
}

function purchaseOrder(index: number, makers: SeedSupplier[], facilities: SeedFacility[], products: SeedProduct[], locations: SeedLocation[], total: number): SeedPurchaseOrder {
  const r = random(`po:${index}`);
  const supplier = makers[index % makers.length]!;
  const ageDays = Math.floor(((total - index) / total) * 360); // older first
  const orderedOn = addDays(SEED_TODAY, -ageDays);
  // One delivery date per order, as buyers usually ask; the supplier sometimes promises a few days later.
  const requestedDate = addDays(orderedOn, r.int(20, 45));
  const promisedDate = addDays(requestedDate, r.chance(0.7) ? 0 : r.int(1, 5));
  const lines = Array.from({ length: LINES_PER_PO }, (_, k) => {
    const product = products[(index * 7 + k * 13) % products.length]!;
    return {
      id: seedId('po-line', index * LINES_PER_PO + k), lineNumber: k + 1, productId: product.id, uom: product.uom,
      quantity: r.int(1, 50) * 10, unitPrice: product.unitPrice, requestedDate, promisedDate,
    };
  });
  let shipment: SeedShipment | null = null;
  let status: SeedPurchaseOrder['status'] = ageDays < 10 ? 'SENT' : 'ACKNOWLEDGED';
  if (ageDays >= 20) {
    const facility = facilities.find((f) => f.supplierId === supplier.id)!;
    const mode = r.pick(['ROAD', 'SEA', 'AIR'] as const);
    const transit = mode === 'SEA' ? 28 : mode === 'ROAD' ? 5 : 2;
    // Most suppliers mostly deliver on time: shipped up to two days early, 85% arrive by the ETA.
    const shippedOn = addDays(promisedDate, -transit + r.int(-2, 0));
    const eta = addDays(shippedOn, transit);
    const delay = r.chance(0.85) ? r.int(-1, 0) : r.int(1, 6);
    const deliveredOn = shippedOn < addDays(SEED_TODAY, -transit) ? addDays(eta, delay) : null;
    const short = r.chance(0.1);
    shipment = {
      id: seedId('shipment', index), number: `ASN-${String(index + 1).padStart(7, '0')}`, facilityId: facility.id, mode,
      shippedOn, eta, deliveredOn,
      lines: lines.map((l, k) => ({
        id: seedId('shipment-line', index * LINES_PER_PO + k), lineIndex: k,
        quantity: short && k === 0 ? Math.max(1, Math.floor(l.quantity * 0.8)) : l.quantity,
        lotId: seedId('lot', index * LINES_PER_PO + k), lotNumber: `L${String(index + 1).padStart(7, '0')}-${k + 1}`,
      })),
    };
    status = deliveredOn && !short ? 'CLOSED' : 'PARTIALLY_SHIPPED';
  }
  return {
    index, id: seedId('po', index), number: `PO-${String(index + 1).padStart(7, '0')}`, supplierId: supplier.id,
    locationId: locations[index % locations.length]!.id, orderedOn, status, lines, shipment,
  };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A valid GTIN-14 (GS1 mod-10 check digit) from a serial number. */
export function gtin14(serial: number): string {
  const body = `0614141${String(serial).padStart(6, '0')}`;
  const sum = [...body].reverse().reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
  return body + String((10 - (sum % 10)) % 10);
}
