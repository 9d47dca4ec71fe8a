/** A guided tour (geodata/stories/*.json): a planner edits these files without code. */
export interface TourText { zh: string; en: string }

export type TourCamera =
  | { fit: string[]; padding?: number; bearing?: number; pitch?: number }
  | { center: [number, number]; zoom: number; bearing?: number; pitch?: number };

export interface TourStep {
  id: string;
  title: TourText;
  camera: TourCamera;
  /** catalog entry ids shown in this step */
  layers: string[];
  /** feature ids highlighted */
  highlight: string[];
  /** short Markdown: paragraphs and **bold** */
  caption: TourText;
  notes: TourText;
  plan_ref?: { task: number | null; quote: string }[];
  /** optional swipe between two layer sets: left of the divider and right of it */
  swipe?: { left: string[]; right: string[]; label_left: TourText; label_right: TourText };
}

export interface Tour {
  id: string;
  title: TourText;
  steps: TourStep[];
}
