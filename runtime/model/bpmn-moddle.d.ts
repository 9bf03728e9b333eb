/**
 * The part of bpmn-moddle's API the BPMN import uses. The package ships types
 * for its element classes (`bpmn-moddle/types`) but none for its entry point.
 */
declare module 'bpmn-moddle' {
  /** A parsed BPMN element: its `$type` ('bpmn:UserTask'), properties, and attributes of other namespaces in `$attrs`. */
  export type ModdleElement = {
    $type: string;
    id?: string;
    name?: string;
    $attrs?: Record<string, string>;
    $children?: ModdleElement[];
    [property: string]: any;
  };
  export type FromXmlResult = {
    rootElement: ModdleElement;
    warnings: { message: string; element?: ModdleElement }[];
    references: unknown[];
    elementsById: Record<string, ModdleElement>;
  };
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<FromXmlResult>;
  }
}
