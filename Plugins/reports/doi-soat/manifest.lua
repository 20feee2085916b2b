-- Đối soát: how the store's sources agree: records per source, dossiers seen by several
-- systems (link groups) and those whose systems disagree.
return {
  name = "doi-soat",
  kind = "report",
  version = "1.0.0",
  description = "Đối soát dữ liệu giữa các nguồn: số bản ghi theo nguồn, hồ sơ có ở nhiều nguồn và hồ sơ lệch thông tin",
  entry = "init.lua",
  -- Reads the store only: no files, no network, personal data masked.
}
