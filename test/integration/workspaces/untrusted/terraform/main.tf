# A key without rotation: reported by the built-in aws-kms-key-rotation-enabled rule.
resource "aws_kms_key" "records" {
  description = "Key for patient records"
}
