provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "fhir" {
  name     = "rg-medicloud-fhir"
  location = "westeurope"
  tags = {
    data-classification = "phi"
  }
}

resource "azurerm_healthcare_workspace" "main" {
  name                = "medicloudhdsws"
  resource_group_name = azurerm_resource_group.fhir.name
  location            = azurerm_resource_group.fhir.location
}

resource "azurerm_healthcare_fhir_service" "patients" {
  name                = "patients"
  resource_group_name = azurerm_resource_group.fhir.name
  location            = "eastus"
  workspace_id        = azurerm_healthcare_workspace.main.id
  kind                = "fhir-R4"

  authentication {
    authority = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000"
    audience  = "https://medicloudhdsws-patients.fhir.azurehealthcareapis.com"
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_storage_account" "documents" {
  name                          = "medicloudpatientdocs"
  resource_group_name           = azurerm_resource_group.fhir.name
  location                      = azurerm_resource_group.fhir.location
  account_tier                  = "Standard"
  account_replication_type      = "GRS"
  min_tls_version               = "TLS1_0"
  https_traffic_only_enabled    = false
  public_network_access_enabled = true
  allow_nested_items_to_be_public = true
  tags = {
    data-classification = "phi"
  }
}

resource "azurerm_key_vault" "keys" {
  name                       = "kv-medicloud"
  location                   = azurerm_resource_group.fhir.location
  resource_group_name        = azurerm_resource_group.fhir.name
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "premium"
  soft_delete_retention_days = 7
  purge_protection_enabled   = false
}
