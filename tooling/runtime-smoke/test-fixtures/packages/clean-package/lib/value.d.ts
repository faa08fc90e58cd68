export declare const value: number;
