/**
 * The anchor of the pane's size and paint figures (issue #14 "Lighter and faster"): a minimal
 * React 19 + Fluent UI v9 task pane (provider, tabs, inputs, buttons), built exactly as the add-in
 * is (bench/paint.ts: the same webpack, swc and splitChunks settings, production) and loaded the same
 * way (office.js first, render on Office.onReady). Not shipped.
 */
import { Button, Field, FluentProvider, Input, Tab, TabList, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

function MinimalPane() {
  return (
    <FluentProvider theme={webLightTheme}>
      <TabList defaultSelectedValue="bloc" size="small">
        <Tab value="bloc">Khối</Tab>
        <Tab value="start">Đầu năm</Tab>
        <Tab value="scoring">Chấm điểm</Tab>
        <Tab value="voting">Bỏ phiếu</Tab>
        <Tab value="nomination">Đề nghị</Tab>
      </TabList>
      <form style={{ display: "grid", gap: 8, padding: 12 }}>
        <Field label="Tên khối">
          <Input />
        </Field>
        <Field label="Tỉnh">
          <Input />
        </Field>
        <Field label="Năm">
          <Input type="number" />
        </Field>
        <Button appearance="primary">Lưu</Button>
      </form>
    </FluentProvider>
  );
}

const root = document.getElementById("root");
if (root) void Office.onReady(() => createRoot(root).render(<MinimalPane />));
