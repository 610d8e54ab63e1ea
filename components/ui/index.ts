export { Alert, type AlertTone } from "./alert";
export { Badge, type BadgeTone } from "./badge";
export { Button, buttonClasses, type ButtonProps, type ButtonSize, type ButtonVariant } from "./button";
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./card";
export { cn } from "./cn";
export { EmptyState } from "./empty-state";
export { FieldError, FieldHint } from "./field-error";
export { Input, fieldClasses } from "./input";
export { PageHeader } from "./page-header";
export { Pagination, pageHref, pageWindow } from "./pagination";
export { Select } from "./select";
export { Skeleton } from "./skeleton";
export { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "./table";
export { Textarea } from "./textarea";
export { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "./dialog";
export {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./dropdown-menu";
export { Label } from "./label";
export { Tabs, TabsContent, TabsList, TabsTrigger } from "./tabs";
