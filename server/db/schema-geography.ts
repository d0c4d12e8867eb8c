/** The unit tree's tables: official units and their lineage across the reform, the province's hamlets. */

export interface UnitsTable {
  /** "<level>:<code>:<validFrom|origin>" — a code can name different units before and after the reform. */
  id: string;
  code: string;
  level: 'province' | 'district' | 'commune';
  name: string;
  full_name: string;
  name_en: string | null;
  type: string;
  parent_code: string | null;
  province_code: string;
  valid_from: string | null;
  valid_to: string | null;
  search_text: string;
}

export interface UnitLineageTable {
  old_unit_id: string;
  new_unit_id: string;
  kind: 'full' | 'partial';
}

export interface HamletsTable {
  id: string;
  commune_code: string;
  province_code: string;
  name: string;
  kind: 'ap' | 'khu_pho' | 'thon' | 'to_dan_pho' | 'other';
  local_code: string | null;
  search_text: string;
  status: 'active' | 'merged' | 'retired';
  merged_into: string | null;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
  updated_at: string;
}

export interface HamletChangesTable {
  id: string;
  hamlet_id: string;
  change: 'created' | 'renamed' | 'updated' | 'merged' | 'retired' | 'imported';
  before_json: string | null;
  after_json: string | null;
  actor_user_id: string | null;
  at: string;
}

/** The unit tree's tables, as `DB` (schema.ts) includes them. */
export interface GeographyTables {
  units: UnitsTable;
  unit_lineage: UnitLineageTable;
  hamlets: HamletsTable;
  hamlet_changes: HamletChangesTable;
}
