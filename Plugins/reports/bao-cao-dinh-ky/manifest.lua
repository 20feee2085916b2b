-- Báo cáo định kỳ: the centre's periodic report (the seed's six-month report), written as an
-- official document. Sections I.1 and I.3 are prose made from the store's figures; everything
-- else (header, opening, I.2, II, III, closing) comes from a text file the centre edits.
return {
  name = "bao-cao-dinh-ky",
  kind = "report",
  version = "1.0.0",
  description = "Báo cáo định kỳ của Trung tâm Phục vụ hành chính công (văn bản hành chính)",
  entry = "init.lua",
  capabilities = {
    -- The bundled text file (noi-dung.txt), and the centre's own when it gives one with
    -- --option text=FILE (the host passes the files named by options as $SOURCE).
    read = { "$PLUGIN", "$SOURCE" },
  },
}
