export declare const extra: string;
