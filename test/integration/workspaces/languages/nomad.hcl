datacenter = "eu-west"
