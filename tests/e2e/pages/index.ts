/** The page models, one per screen; the fixtures in ../fixtures hand them to tests. */
export { AllocationPage, type FillFigure, type FilledFilter } from './allocation-page';
export { EvidencePage } from './evidence-page';
export { ExportPage, type ExportFigure, type ResultCount, type SavedFile, type ShipStateName } from './export-page';
export { FindingsPage, type BadgeTone, type FindingState } from './findings-page';
export { ImportPage, type ImportResultCount } from './import-page';
export { OrdersPage, type OrderColumn, type SummaryCard } from './orders-page';
export { ProductsPage } from './products-page';
export { RulesPage, type RuleCountColumn, type RulesCard } from './rules-page';
export { ShopsPage } from './shops-page';
export { StockPage, type StockLevel } from './stock-page';
